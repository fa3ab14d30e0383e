"""Train CatBoost on Titanic, log to W&B, evaluate on a stratified hold-out."""
import numpy as np
import pandas as pd
import wandb
from catboost import CatBoostClassifier
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

from src.titanic_cb.features import CAT_COLS, build_features
from src.titanic_cb.settings import OUTPUT_DIR, load_settings, wandb_key


def metrics(y, proba, threshold):
    pred = (proba >= threshold).astype(int)
    return {"accuracy": accuracy_score(y, pred), "f1": f1_score(y, pred), "roc_auc": roc_auc_score(y, proba)}


def main():
    cfg = load_settings()
    seed = cfg["seed"]
    wandb.login(key=wandb_key())
    run = wandb.init(project=cfg["wandb_project"], config=cfg)

    raw = pd.read_csv(cfg["train_csv"])
    X, y = build_features(raw), raw["Survived"]
    X_dev, X_hold, y_dev, y_hold = train_test_split(
        X, y, test_size=cfg["holdout_size"], stratify=y, random_state=seed)
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_dev, y_dev, test_size=cfg["valid_size"], stratify=y_dev, random_state=seed)

    cb_params = dict(cfg["catboost"])
    model = CatBoostClassifier(**cb_params, eval_metric="Logloss", random_seed=seed, verbose=300)
    model.fit(X_tr, y_tr, cat_features=CAT_COLS, eval_set=(X_val, y_val), use_best_model=True)

    val_proba = model.predict_proba(X_val)[:, 1]
    grid = np.arange(0.30, 0.71, 0.01)
    threshold = float(grid[np.argmax([accuracy_score(y_val, (val_proba >= t).astype(int)) for t in grid])])

    baseline = DummyClassifier(strategy="most_frequent").fit(X_tr, y_tr)
    hold = {
        "baseline": metrics(y_hold, baseline.predict_proba(X_hold)[:, 1], 0.5),
        "catboost": metrics(y_hold, model.predict_proba(X_hold)[:, 1], threshold),
    }
    for name, m in hold.items():
        print(name, {k: round(v, 4) for k, v in m.items()})
        run.log({f"holdout/{name}/{k}": v for k, v in m.items()})
    run.summary["threshold"] = threshold

    OUTPUT_DIR.mkdir(exist_ok=True)
    model.save_model(str(OUTPUT_DIR / "catboost_titanic.cbm"))
    run.finish()


if __name__ == "__main__":
    main()
