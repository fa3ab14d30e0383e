"""Train the policy-lapse model.  python -m lapse.train --config lapse.toml"""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import click
import joblib
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold, cross_validate

from lapse.data import load_and_split
from lapse.evaluate import evaluate_on_test
from lapse.features import describe_features, make_preprocessor


def build_pipeline(cfg: dict) -> Pipeline:
    return Pipeline([
        ("pre", make_preprocessor(cfg)),
        ("smote", SMOTE(random_state=cfg["seed"], **cfg["smote"])),
        ("clf", HistGradientBoostingClassifier(random_state=cfg["seed"], **cfg["model"])),
    ])


@click.command()
@click.option("--config", "config_path", default="lapse.toml", type=click.Path(exists=True))
@click.option("--out", "out_dir", default="artifacts", type=click.Path())
def main(config_path: str, out_dir: str) -> None:
    cfg = tomllib.loads(Path(config_path).read_text())
    split = load_and_split(cfg)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    describe_features(make_preprocessor(cfg), split.X_train).to_csv(out / "feature_summary.csv")

    pipeline = build_pipeline(cfg)
    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])
    cv_res = cross_validate(pipeline, split.X_train, split.y_train, cv=cv,
                            scoring=["roc_auc", "average_precision"], n_jobs=-1)
    cv_summary = {k: float(v.mean()) for k, v in cv_res.items() if k.startswith("test_")}
    click.echo(f"cv: {cv_summary}")

    pipeline.fit(split.X_train, split.y_train)
    report = evaluate_on_test(pipeline, split, cfg)
    report["cv"] = cv_summary

    joblib.dump(pipeline, out / "lapse_pipeline.joblib")
    (out / "report.json").write_text(json.dumps(report, indent=2))
    click.echo(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
