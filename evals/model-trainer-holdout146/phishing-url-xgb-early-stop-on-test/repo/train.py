import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

from url_features import build_matrix

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train_url_xgb")


def load(path: str) -> pd.DataFrame:
    # columns: URL, Label ("bad" / "good")
    df = pd.read_csv(path)
    df = df.rename(columns={"URL": "url", "Label": "label"})
    df = df.dropna(subset=["url"]).drop_duplicates(subset="url")
    df["y"] = (df["label"].str.lower() == "bad").astype(int)
    return df.reset_index(drop=True)


def main(cfg_path: str = "config.json") -> None:
    cfg = json.loads(Path(cfg_path).read_text())
    np.random.seed(cfg["seed"])

    df = load(cfg["data_path"])
    log.info("loaded %d urls, %.1f%% phishing", len(df), 100 * df["y"].mean())

    X = build_matrix(df["url"])
    y = df["y"].values

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
    model = XGBClassifier(**cfg["xgb"], scale_pos_weight=pos_weight, random_state=cfg["seed"], n_jobs=-1)
    model.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=200)
    log.info("best iteration: %d", model.best_iteration)

    proba = model.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    log.info("test ROC AUC %.4f | PR AUC %.4f", roc_auc_score(y_test, proba), average_precision_score(y_test, proba))
    print(classification_report(y_test, pred, target_names=["good", "bad"], digits=4))

    imp = pd.Series(model.feature_importances_, index=X.columns).sort_values(ascending=False)
    log.info("top features:\n%s", imp.head(10).to_string())

    out = Path(cfg["model_out"])
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save_model(out)
    log.info("saved model to %s", out)


if __name__ == "__main__":
    main()
