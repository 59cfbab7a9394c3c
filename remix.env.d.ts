/// <reference types="@remix-run/node" />
/// <reference types="vite/client" />
/** Mantine's baseline and global CSS (vite.config.ts). */
declare module 'virtual:mantine-core-styles.css'
