/** IP addresses as people read them (product.md, Security baseline: sessions show device and IP). */

/**
 * An IPv4 address the way IPv4 is written: a dual-stack server sees IPv4 clients as IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`), which is the same address. Other values (IPv6, null) are returned unchanged.
 */
export function plainIp<T extends string | null | undefined>(ip: T): T {
  if (typeof ip !== 'string') return ip
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)
  return (mapped ? mapped[1] : ip) as T
}
