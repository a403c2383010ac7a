import { useCallback, useEffect, useState } from 'react'

/** Loads on mount, again on reload() and every refreshMs (if given); keeps the last good answer while loading. */
export function useLoad<T>(load: () => Promise<T>, refreshMs?: number) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)

  const reload = useCallback(() => {
    setLoading(true)
    load()
      .then(answer => {
        setData(answer)
        setError(null)
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setLoading(false))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    reload()
    if (refreshMs) {
      const timer = window.setInterval(reload, refreshMs)
      return () => window.clearInterval(timer)
    }
    return undefined
  }, [reload, refreshMs])

  return { data, error, loading, reload }
}
