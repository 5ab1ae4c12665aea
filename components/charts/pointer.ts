import { useRef } from 'preact/hooks';

/**
 * Pointer positions in the SVG's own units (the drawing scales with its box), and back to CSS
 * pixels for the tooltip beside it.
 */
export function usePointer(viewWidth: number, onMove: (x: number, y: number) => void) {
  const ratio = useRef(1);
  return {
    move(event: PointerEvent) {
      const svg = event.currentTarget as SVGSVGElement;
      const rect = svg.getBoundingClientRect();
      ratio.current = rect.width > 0 ? viewWidth / rect.width : 1;
      onMove((event.clientX - rect.left) * ratio.current, (event.clientY - rect.top) * ratio.current);
    },
    toCss: (x: number) => x / ratio.current,
    toCssY: (y: number) => y / ratio.current,
  };
}
