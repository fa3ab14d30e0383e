"""Train and evaluate the first-24h ICU mortality model."""
import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from mortality.features import build_feature_matrix, first_stays

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("mortality")


def load_tables(data_dir: Path):
    icustays = pd.read_csv(data_dir / "icustays.csv.gz", parse_dates=["intime", "outtime"])
    admissions = pd.read_csv(data_dir / "admissions.csv.gz", usecols=["hadm_id", "hospital_expire_flag"])
    patients = pd.read_csv(data_dir / "patients.csv.gz", usecols=["subject_id", "gender", "anchor_age"])
    chartevents = pd.read_parquet(data_dir / "chartevents_first48h.parquet")
    labevents = pd.read_parquet(data_dir / "labevents_first48h.parquet")
    stays = icustays.merge(admissions, on="hadm_id").merge(patients, on="subject_id")
    return stays, chartevents, labevents


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))

    data_dir = Path(cfg["data_dir"])
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    stays, chartevents, labevents = load_tables(data_dir)
    cohort = first_stays(stays, cfg["cohort"]["min_age"], cfg["cohort"]["min_los_days"])
    log.info("cohort: %d stays, mortality %.3f", len(cohort), cohort["hospital_expire_flag"].mean())

    X, y, feature_names, transformers = build_feature_matrix(
        cohort, chartevents, labevents, hours=cfg["window_hours"]
    )
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    models = {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": LogisticRegression(C=cfg["logreg"]["C"], max_iter=2000),
        "hgb": HistGradientBoostingClassifier(**cfg["hgb"], random_state=cfg["seed"]),
    }
    results = {}
    for name, model in models.items():
        model.fit(X_train, y_train)
        proba = model.predict_proba(X_test)[:, 1]
        results[name] = {
            "auroc": roc_auc_score(y_test, proba),
            "auprc": average_precision_score(y_test, proba),
            "brier": brier_score_loss(y_test, proba),
        }
        log.info("%-7s %s", name, json.dumps({k: round(v, 4) for k, v in results[name].items()}))

    best = cfg["final_model"]
    joblib.dump(
        {"model": models[best], "features": feature_names, **transformers},
        out_dir / "model.joblib",
    )
    with open(out_dir / "metrics.json", "w") as f:
        json.dump(results, f, indent=2)
    log.info("saved %s model to %s", best, out_dir)


if __name__ == "__main__":
    main()
