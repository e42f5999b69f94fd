/** What is wrong with a registration before it is sent, by field. */
export interface RegistrationProblems {
  name?: string | undefined;
  email?: string | undefined;
  password?: string | undefined;
}

/** The rules registerMember checks (schema: RegisterMemberInput), said before the round trip. */
export function checkRegistration(form: {
  name: string;
  email: string;
  password: string;
}): RegistrationProblems {
  const problems: RegistrationProblems = {};
  const name = form.name.trim();
  if (!name) problems.name = 'Enter your name.';
  else if (name.length > 200) problems.name = 'Your name can be at most 200 characters.';
  const email = form.email.trim();
  if (!email) problems.email = 'Enter your e-mail address.';
  else if (!/^[^\s@]+@[^\s@]+$/.test(email))
    problems.email = 'Enter an e-mail address like name@example.org.';
  if (form.password.length < 8) problems.password = 'Choose a password of at least 8 characters.';
  else if (form.password.length > 256) problems.password = 'The password can be at most 256 characters.';
  return problems;
}
