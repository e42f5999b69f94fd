/** Loans soonest due first (overdue ones, due earliest, lead); equal dates keep their order. */
export function loansByDueDate<Loan extends { readonly dueAt: string }>(loans: readonly Loan[]): Loan[] {
  return [...loans].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
