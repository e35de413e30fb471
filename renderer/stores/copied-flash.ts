// The short "Copied" confirmation after main wrote the clipboard: shows a value, then clears it
// after two seconds; a newer copy restarts the clock.
const COPIED_MS = 2000;

export function copiedFlash<T>(show: (value: T | null) => void): (value: T) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (value) => {
    clearTimeout(timer);
    show(value);
    timer = setTimeout(() => show(null), COPIED_MS);
  };
}
