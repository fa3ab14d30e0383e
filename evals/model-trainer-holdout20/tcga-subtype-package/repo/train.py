"""Usage: python train.py --config config.yaml"""
import argparse
import json
import logging
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score, confusion_matrix
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

sys.path.insert(0, str(Path(__file__).parent / "src"))
from subtype.data import align, load_expression, load_labels  # noqa: E402
from subtype.features import drop_noisy_genes, log_summary, select_top_genes  # noqa: E402

logger = logging.getLogger("subtype")


def scores(y_true, y_pred):
    return {
        "accuracy": accuracy_score(y_true, y_pred),
        "balanced_accuracy": balanced_accuracy_score(y_true, y_pred),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().config))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    np.random.seed(cfg["seed"])

    expr, labels = align(load_expression(cfg["paths"]["expression"]), load_labels(cfg["paths"]["labels"]))
    expr = drop_noisy_genes(expr)
    logger.info("after gene filter: %s", log_summary(expr))
    expr, selector = select_top_genes(expr, labels, cfg["n_genes"])
    logger.info("after ANOVA selection: %s", log_summary(expr))
    logger.info("class counts: %s", labels.value_counts().to_dict())

    X_train, X_test, y_train, y_test = train_test_split(
        expr, labels, test_size=cfg["test_size"], stratify=labels, random_state=cfg["seed"]
    )

    svm = make_pipeline(StandardScaler(), SVC(**cfg["svm"], class_weight="balanced", random_state=cfg["seed"]))
    cv = StratifiedKFold(cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    cv_res = cross_validate(svm, X_train, y_train, cv=cv, scoring=["balanced_accuracy", "f1_macro"])
    logger.info("CV balanced acc %.3f | macro F1 %.3f",
                cv_res["test_balanced_accuracy"].mean(), cv_res["test_f1_macro"].mean())

    baseline = DummyClassifier(strategy="stratified", random_state=cfg["seed"]).fit(X_train, y_train)
    svm.fit(X_train, y_train)
    report = {
        "baseline": scores(y_test, baseline.predict(X_test)),
        "svm": scores(y_test, svm.predict(X_test)),
        "confusion": confusion_matrix(y_test, svm.predict(X_test), labels=sorted(labels.unique())).tolist(),
    }
    out = Path(cfg["paths"]["reports"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "test_report.json").write_text(json.dumps(report, indent=2))
    logger.info("test: %s", {k: v for k, v in report.items() if k != "confusion"})


if __name__ == "__main__":
    main()
