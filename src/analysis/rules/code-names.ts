// The names a project's code uses, without string literals, comments and the library words that name no part
// (`train_test_split`, `validation_data=`): what rules read when they ask whether the code names a held-out set.

const STRING_OR_COMMENT = /#[^\n]*|("""|''')[\s\S]*?\1|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g;
const NEUTRAL_NAMES = /\b(train_test_split|test_size|validation_data|validation_split|validation_steps|validation_freq|val_data)\b/g;

export function namesOf(code: string): string {
  return code.replace(STRING_OR_COMMENT, '""').replace(NEUTRAL_NAMES, '');
}

/** Names of held-out rows: `X_eval`, `test_df`, `valid_loader`, `oot`, `y_holdout`. */
export const HELD_OUT_NAME = /\b(\w+_)?(test|tst|te|val|valid|validation|eval|holdout|hold|oot|oos|future)(_\w+)?\b/i;
