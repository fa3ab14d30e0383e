"""Insurance-bot intent classifier: word+char TF-IDF -> LinearSVC, tuned with CV on the train split."""
import sys

import joblib
import pandas as pd
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from text_utils import clean_utterance

cfg = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "config.yaml"))
SEED = cfg["seed"]

df = pd.read_csv(cfg["data_path"])
df = df.rename(columns={cfg["text_col"]: "text", cfg["label_col"]: "intent"})
df["text"] = df["text"].map(clean_utterance)
df = df[df["text"].str.len() > 0].drop_duplicates(subset=["text", "intent"])

counts = df["intent"].value_counts()
keep = counts[counts >= cfg["min_examples_per_intent"]].index
dropped = sorted(set(counts.index) - set(keep))
if dropped:
    print(f"dropping {len(dropped)} intents with < {cfg['min_examples_per_intent']} examples: {dropped}")
df = df[df["intent"].isin(keep)]

X_train, X_test, y_train, y_test = train_test_split(
    df["text"], df["intent"], test_size=cfg["test_size"], stratify=df["intent"], random_state=SEED
)

pipe = Pipeline([
    ("feats", FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", sublinear_tf=True, min_df=2)),
        ("char", TfidfVectorizer(analyzer="char_wb", sublinear_tf=True, min_df=2)),
    ])),
    ("clf", LinearSVC(class_weight="balanced", random_state=SEED)),
])
grid = {k: [tuple(v) if isinstance(v, list) else v for v in vals] for k, vals in cfg["grid"].items()}

search = GridSearchCV(
    pipe,
    grid,
    scoring=cfg["scoring"],
    cv=StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=SEED),
    n_jobs=-1,
)
search.fit(X_train, y_train)
print("best params:", search.best_params_)
print(f"cv {cfg['scoring']}: {search.best_score_:.4f}")

pred = search.predict(X_test)
print(f"test macro-F1: {f1_score(y_test, pred, average='macro'):.4f}")
print(classification_report(y_test, pred, digits=3))

joblib.dump(search.best_estimator_, cfg["model_path"])
