import { useEffect, useState } from 'preact/hooks';
import { CHART_THEMES, type ChartTheme } from '@/lib/charts';

/**
 * The chart theme for the system's colour scheme, following a change while the page is open. Charts
 * draw with these colours as attributes (not CSS variables), so an exported SVG or PNG looks the same.
 */
export function useChartTheme(): ChartTheme {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const follow = () => setDark(query.matches);
    query.addEventListener('change', follow);
    // useEffect runs after paint: a change between the first render and here fired no event we heard.
    follow();
    return () => query.removeEventListener('change', follow);
  }, []);
  return CHART_THEMES[dark ? 'dark' : 'light'];
}
