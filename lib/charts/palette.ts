/**
 * Chart colours for light and dark backgrounds (the extension pages' --fzl-bg). Each series colour
 * keeps a contrast of at least 3:1 with its background (WCAG's minimum for graphics; checked in the
 * unit tests), and the order alternates hues so neighbouring series differ for colour-blind readers
 * too (after Okabe and Ito's palette, darkened for white and lightened for the dark background).
 */
export type ColorScheme = 'light' | 'dark';

export interface ChartTheme {
  background: string;
  text: string;
  muted: string;
  grid: string;
  series: readonly string[];
}

export const CHART_THEMES: Record<ColorScheme, ChartTheme> = {
  light: {
    background: '#ffffff',
    text: '#1b1b1f',
    muted: '#5b5d66',
    grid: '#d6d7dc',
    series: ['#0069a8', '#c0440b', '#00805c', '#a8498a', '#826600', '#5b4fc4', '#b0225a', '#3d6e2b'],
  },
  dark: {
    background: '#1b1b1f',
    text: '#e6e6ea',
    muted: '#a3a5ad',
    grid: '#3b3d44',
    series: ['#56b4e9', '#f0884a', '#3fcf9f', '#e597c8', '#e6c03c', '#a69bff', '#ff7aa8', '#9ad07a'],
  },
};

export const seriesColor = (theme: ChartTheme, index: number) => theme.series[index % theme.series.length];

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
