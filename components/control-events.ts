/**
 * Change handlers that read their control at once: `currentTarget` is null once a handler has awaited,
 * and every settings update is asynchronous (it reads storage before it applies the change).
 */
export const onChecked =
  (apply: (checked: boolean) => void) =>
  (event: Event): void =>
    apply((event.currentTarget as HTMLInputElement).checked);

export const onValue =
  (apply: (value: string) => void) =>
  (event: Event): void =>
    apply((event.currentTarget as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value);
