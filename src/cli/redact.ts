/** Token shapes of common vendors; anything matching is replaced in transcripts and logs. */
const SECRET_PATTERNS: RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{10,}/g,
  /sk-(?:proj-)?[A-Za-z0-9_-]{20,}/g,
  /hf_[A-Za-z0-9]{20,}/g,
  /AKIA[0-9A-Z]{16}/g,
  /gh[pousr]_[A-Za-z0-9]{30,}/g,
  /xox[abpr]-[A-Za-z0-9-]{10,}/g,
];

const SECRET_ENV = /(KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL)/i;

/**
 * Builds a redactor for the values of secret-looking environment variables plus known token
 * shapes. Values shorter than 8 characters are left alone: they would redact common words.
 */
export function createRedactor(env: Record<string, string | undefined>): (text: string) => string {
  const values = Object.entries(env)
    .filter(([name, value]) => SECRET_ENV.test(name) && value !== undefined && value.length >= 8)
    .map(([, value]) => value!)
    .sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const value of values) out = out.split(value).join('[REDACTED]');
    for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[REDACTED]');
    return out;
  };
}
