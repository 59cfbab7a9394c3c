/**
 * Mantine's BarChart as a module of its own, so bar-chart-picture.tsx can load it with `import()`:
 * a named import here lets the bundler keep only BarChart's part of @mantine/charts and recharts
 * (a dynamic import of '@mantine/charts' itself would bring every chart type).
 */
export { BarChart as default } from '@mantine/charts'
