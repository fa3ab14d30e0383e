import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from mne.decoding import CSP
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.metrics import accuracy_score, cohen_kappa_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline

from data import load_epochs


def fit_subject(cfg, subject):
    X_cal, y_cal = load_epochs(cfg, subject, "T")
    X_eval, y_eval = load_epochs(cfg, subject, "E")

    pipe = Pipeline([
        ("csp", CSP(log=True, norm_trace=False)),
        ("lda", LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")),
    ])
    inner = StratifiedKFold(n_splits=cfg["inner_folds"], shuffle=True, random_state=cfg["seed"])
    search = GridSearchCV(pipe, cfg["grid"], cv=inner, scoring="accuracy", n_jobs=-1)
    search.fit(X_cal, y_cal)

    y_pred = search.predict(X_eval)
    return {
        "subject": subject,
        "best_n_components": search.best_params_["csp__n_components"],
        "best_reg": search.best_params_["csp__reg"],
        "cal_cv_acc": search.best_score_,
        "eval_acc": accuracy_score(y_eval, y_pred),
        "eval_kappa": cohen_kappa_score(y_eval, y_pred),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    np.random.seed(cfg["seed"])

    rows = []
    for s in cfg["subjects"]:
        r = fit_subject(cfg, s)
        rows.append(r)
        print(f"A{s:02d}  n_comp={r['best_n_components']}  reg={r['best_reg']}  "
              f"cal-CV={r['cal_cv_acc']:.3f}  eval={r['eval_acc']:.3f}  kappa={r['eval_kappa']:.3f}")

    df = pd.DataFrame(rows)
    Path(cfg["results"]).parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(cfg["results"], index=False)
    print(df[["eval_acc", "eval_kappa"]].agg(["mean", "std"]).round(3))


if __name__ == "__main__":
    main()
