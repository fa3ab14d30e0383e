"""Pick an NLU pipeline on a validation split, refit it on train+val, report on test."""
import json
import sys

import joblib
import numpy as np
import yaml
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

from nlu_pipeline import build_pipeline, load_nlu_yaml

cfg = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "config.yml"))
seed = cfg["random_seed"]
np.random.seed(seed)

texts, intents = load_nlu_yaml("data/nlu.yml")
texts, intents = np.array(texts, dtype=object), np.array(intents)
print(f"{len(texts)} examples / {len(set(intents))} intents")

X_rest, X_test, y_rest, y_test = train_test_split(
    texts, intents, test_size=cfg["split"]["test_fraction"], stratify=intents, random_state=seed
)
X_train, X_val, y_train, y_val = train_test_split(
    X_rest, y_rest, test_size=cfg["split"]["val_fraction"], stratify=y_rest, random_state=seed
)

val_f1 = {}
for name, components in cfg["candidates"].items():
    pipe = build_pipeline(components, seed).fit(X_train, y_train)
    val_f1[name] = f1_score(y_val, pipe.predict(X_val), average="macro")
    print(f"{name:22s} val macro-F1 {val_f1[name]:.4f}")

best = max(val_f1, key=val_f1.get)
final = build_pipeline(cfg["candidates"][best], seed).fit(X_rest, y_rest)

pred = final.predict(X_test)
test_f1 = f1_score(y_test, pred, average="macro")
print(f"\nselected {best}; test macro-F1 {test_f1:.4f}")
print(classification_report(y_test, pred, digits=3, zero_division=0))

joblib.dump(final, f"models/nlu_{best}.joblib")
with open("models/report.json", "w") as f:
    json.dump({"selected": best, "val_macro_f1": val_f1, "test_macro_f1": test_f1}, f, indent=2)
