import argparse

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from prep import prepare

parser = argparse.ArgumentParser()
parser.add_argument("--data", default="data/support_mail_2023.csv")
parser.add_argument("--seed", type=int, default=42)
args = parser.parse_args()

raw = pd.read_csv(args.data, dtype={"customer_id": str})
df = prepare(raw)
print(f"{len(raw)} raw e-mails -> {len(df)} after auto-reply / duplicate removal")

# hold out ~20% of customers; a customer's mails stay on one side
sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=args.seed)
train_idx, test_idx = next(sgkf.split(df, df["category"], groups=df["customer_id"]))
train_df, test_df = df.iloc[train_idx], df.iloc[test_idx]
assert not set(train_df["customer_id"]) & set(test_df["customer_id"])

features = ColumnTransformer([
    ("text", TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True), "text"),
    ("meta", OneHotEncoder(handle_unknown="ignore"), ["channel", "plan"]),
    ("num", "passthrough", ["log_n_words", "has_attachment"]),
])
model = Pipeline([
    ("features", features),
    ("clf", SGDClassifier(loss="log_loss", alpha=1e-5, class_weight="balanced",
                          max_iter=30, random_state=args.seed)),
])
model.fit(train_df, train_df["category"])

pred = model.predict(test_df)
print(classification_report(test_df["category"], pred, digits=3))
print("macro-F1:", round(f1_score(test_df["category"], pred, average="macro"), 4))
joblib.dump(model, "models/category_sgd.joblib")
