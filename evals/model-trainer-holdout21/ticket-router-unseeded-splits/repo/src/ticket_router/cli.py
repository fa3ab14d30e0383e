"""ticket-router train --data data/tickets.jsonl"""
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import typer
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold

from .config import TrainConfig
from .data import load_tickets, split
from .pipeline import baseline, text_pipeline

app = typer.Typer()
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")


@app.command()
def train(data: str = "data/tickets.jsonl", model_dir: str = "models") -> None:
    cfg = TrainConfig(data_path=data, model_dir=model_dir)
    df = load_tickets(cfg)
    train_df, test_df = split(df, cfg)
    X_tr, y_tr = train_df[cfg.text_col], train_df[cfg.label_col]
    X_te, y_te = test_df[cfg.text_col], test_df[cfg.label_col]

    folds = StratifiedKFold(n_splits=cfg.cv_folds, shuffle=True)
    search = GridSearchCV(text_pipeline(cfg.seed), {"clf__alpha": np.logspace(-6, -3, 4)},
                          scoring="f1_macro", cv=folds, n_jobs=-1)
    search.fit(X_tr, y_tr)
    typer.echo(f"best alpha={search.best_params_['clf__alpha']:.1e} cv macro-F1={search.best_score_:.4f}")

    report = {}
    for name, model in [("majority", baseline().fit(X_tr, y_tr)), ("tfidf_sgd", search.best_estimator_)]:
        pred = model.predict(X_te)
        report[name] = {"accuracy": accuracy_score(y_te, pred), "macro_f1": f1_score(y_te, pred, average="macro")}
    typer.echo(classification_report(y_te, search.best_estimator_.predict(X_te), zero_division=0))
    typer.echo(json.dumps(report, indent=2))

    out = Path(cfg.model_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "router.joblib")


if __name__ == "__main__":
    app()
