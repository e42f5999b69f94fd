/** The longest comment the API takes (schema: Comment.body). */
export const MAX_COMMENT_LENGTH = 5000;

/** What is wrong with a comment before it is sent, or undefined. */
export function checkComment(body: string): string | undefined {
  const trimmed = body.trim();
  if (!trimmed) return 'Write something before posting.';
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    return `A comment can be at most ${MAX_COMMENT_LENGTH} characters; this one has ${trimmed.length}.`;
  }
  return undefined;
}
