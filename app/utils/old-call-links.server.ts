/**
 * Links to the call log from before calls had a direction and an outcome (product.md, Calls: the log;
 * docs/decisions/0018-call-direction-and-outcome.md) still select the same calls: the old filter names
 * become the new ones, as the migration turned the old values into the new ones.
 */

/**
 * `params` with the old filters `callType` and `status` replaced, or null when it has neither:
 * `callType=inbound|outbound` -> `direction`; `callType=missed|voicemail` -> `direction=inbound` and
 * that `outcome` (what the migration made of those calls); `status=x` -> `outcome=x` (an unknown x is
 * then refused by the list's schema). A new name already in the link wins; `callType` goes before
 * `status`; an unknown `callType` is dropped. The other parameters keep their order.
 */
export function fromOldCallLink(params: URLSearchParams): URLSearchParams | null {
  if (!params.has('callType') && !params.has('status')) return null
  const next = new URLSearchParams()
  for (const [k, v] of params) if (k !== 'callType' && k !== 'status') next.append(k, v)
  const set = (k: string, v: string) => {
    if (!next.get(k)) next.set(k, v)
  }
  const type = params.get('callType') ?? ''
  if (type === 'inbound' || type === 'outbound') set('direction', type)
  if (type === 'missed' || type === 'voicemail') {
    set('direction', 'inbound')
    set('outcome', type)
  }
  const status = params.get('status') ?? ''
  if (status) set('outcome', status)
  return next
}
