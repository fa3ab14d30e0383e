// What a project's code says about the rows it holds out, read from its text: the names it uses (without string
// literals, comments and the library words that name no part, `train_test_split`, `validation_data=`), and
// whether it writes predictions for a competition's hidden labels.

const STRING_OR_COMMENT = /#[^\n]*|("""|''')[\s\S]*?\1|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g;
const NEUTRAL_NAMES = /\b(train_test_split|test_size|validation_data|validation_split|validation_steps|validation_freq|val_data)\b/g;

export function namesOf(code: string): string {
  return code.replace(STRING_OR_COMMENT, '""').replace(NEUTRAL_NAMES, '');
}

/** Names of held-out rows: `X_eval`, `test_df`, `valid_loader`, `oot`, `y_holdout`. */
export const HELD_OUT_NAME = /\b(\w+_)?(test|tst|te|val|valid|validation|eval|holdout|hold|oot|oos|future)(_\w+)?\b/i;

/** Predictions written for a competition's hidden labels (`sample_submission.csv`, `sub.to_csv(...)`). */
export const SUBMISSION_TEXT = /\bsample_submission\b|\bsubmission\w*\.(csv|parquet)|\bsubmission\s*=|\bsub\.to_csv\(/;
