import { nextTick } from 'vue';

/**
 * After a refused submit, moves the focus to the first field marked invalid: a screen reader then
 * reads its label and its error (tied by aria-describedby), and a keyboard user is where to fix it.
 */
export async function focusFirstInvalid(form: HTMLFormElement | null): Promise<void> {
  await nextTick();
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** What a page needs of a field component it puts the cursor in (ScanField exposes `focus`). */
export interface Focusable {
  focus(): void;
}
