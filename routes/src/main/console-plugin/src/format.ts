const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** A time as Swedish local time, e.g. 2026-12-07 09:15:02. */
export function time(iso: string | null | undefined): string {
  return iso ? timeFormat.format(new Date(iso)) : '–'
}

/** How long ago, roughly: 45 s, 12 min, 3 h 5 min, 2 d 4 h. */
export function age(iso: string | null | undefined, now: number = Date.now()): string {
  return iso ? span(now - new Date(iso).getTime()) : '–'
}

/** How long until, roughly, in the same words as age(). */
export function until(iso: string, now: number = Date.now()): string {
  return span(new Date(iso).getTime() - now)
}

function span(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) {
    return seconds + ' s'
  }
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) {
    return minutes + ' min'
  }
  const hours = Math.floor(minutes / 60)
  if (hours < 48) {
    return hours + ' h ' + (minutes % 60) + ' min'
  }
  return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h'
}

export function hoursAndMinutes(minutes: number): string {
  return minutes % 60 === 0 ? minutes / 60 + ' h' : Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min'
}
