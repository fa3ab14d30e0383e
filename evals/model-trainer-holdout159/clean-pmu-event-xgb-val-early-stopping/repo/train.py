import os

import numpy as np
import wandb
import yaml
from sklearn.metrics import classification_report, f1_score
from sklearn.preprocessing import LabelEncoder
from xgboost import XGBClassifier

from data import FEATURES, chrono_split, load_events


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    np.random.seed(cfg["seed"])

    use_wandb = "WANDB_API_KEY" in os.environ
    if use_wandb:
        wandb.login(key=os.environ["WANDB_API_KEY"])
        wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

    df = load_events(cfg)
    train, val, test = chrono_split(df, cfg)
    le = LabelEncoder().fit(train[cfg["label_col"]])
    test = test[test[cfg["label_col"]].isin(le.classes_)]
    val = val[val[cfg["label_col"]].isin(le.classes_)]
    y_tr, y_va, y_te = (le.transform(d[cfg["label_col"]]) for d in (train, val, test))
    print(f"train {len(train)} | val {len(val)} | test {len(test)} events; classes {list(le.classes_)}")

    model = XGBClassifier(objective="multi:softprob", random_state=cfg["seed"], **cfg["xgb"])
    model.fit(train[FEATURES], y_tr, eval_set=[(val[FEATURES], y_va)], verbose=200)

    val_f1 = f1_score(y_va, model.predict(val[FEATURES]), average="macro")
    te_pred = model.predict(test[FEATURES])
    test_f1 = f1_score(y_te, te_pred, average="macro")
    print(f"best_iteration={model.best_iteration}  val macro-F1={val_f1:.4f}  test macro-F1={test_f1:.4f}")
    print(classification_report(y_te, te_pred, labels=np.arange(len(le.classes_)),
                                target_names=le.classes_, digits=3, zero_division=0))

    if use_wandb:
        wandb.log({"val_macro_f1": val_f1, "test_macro_f1": test_f1, "best_iteration": model.best_iteration})
        wandb.finish()
    model.save_model("models/pmu_event_xgb.json")


if __name__ == "__main__":
    main()
