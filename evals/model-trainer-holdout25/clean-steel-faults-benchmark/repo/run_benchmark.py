"""
Comparing six classifiers on the UCI Steel Plates Faults data (1941 plates, 27 features, 7 fault types).
Protocol (see report, Sec. 3.2):
  * one stratified 80/20 split; the 20% test part is only used in the final table;
  * each model is tuned with 5-fold stratified GridSearchCV on the 80% part;
  * the recommended model is the one with the best *CV* macro-F1; test numbers are reported for all.
"""
import argparse
import logging
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.preprocessing import StandardScaler

from bench.zoo import get_zoo

FAULTS = ["Pastry", "Z_Scratch", "K_Scatch", "Stains", "Dirtiness", "Bumps", "Other_Faults"]
log = logging.getLogger("bench")


def load(path):
    df = pd.read_csv(path)
    label = df[FAULTS].idxmax(axis=1)
    return df.drop(columns=FAULTS), label


def eda_plot(X, y, out):
    """2-D PCA picture of the whole data set for the report's Figure 1 (visualisation only)."""
    emb = PCA(n_components=2).fit_transform(StandardScaler().fit_transform(X))
    fig, ax = plt.subplots(figsize=(6, 5))
    for fault in sorted(y.unique()):
        m = (y == fault).to_numpy()
        ax.scatter(emb[m, 0], emb[m, 1], s=5, label=fault)
    ax.legend(markerscale=3, fontsize=7)
    fig.savefig(out / "fig1_pca.png", dpi=150)


def main(args):
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    X, y = load(args.data)
    log.info("class counts:\n%s", y.value_counts())
    eda_plot(X, y, out)

    X_dev, X_test, y_dev, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=args.seed)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)

    rows, fitted = [], {}
    for name, (est, grid) in get_zoo(args.seed).items():
        search = GridSearchCV(est, grid, scoring="f1_macro", cv=cv, n_jobs=-1, refit=True)
        search.fit(X_dev, y_dev)
        fitted[name] = search
        rows.append({"model": name, "cv_macro_f1": search.best_score_, "best_params": search.best_params_})
        log.info("%-16s CV macro-F1 %.4f %s", name, search.best_score_, search.best_params_)

    table = pd.DataFrame(rows).set_index("model")
    chosen = table["cv_macro_f1"].idxmax()
    for name, search in fitted.items():
        pred = search.predict(X_test)
        proba = search.predict_proba(X_test)
        table.loc[name, "test_macro_f1"] = f1_score(y_test, pred, average="macro")
        table.loc[name, "test_bal_acc"] = balanced_accuracy_score(y_test, pred)
        table.loc[name, "test_auc_ovr"] = roc_auc_score(y_test, proba, multi_class="ovr", average="macro")

    print(table.sort_values("cv_macro_f1", ascending=False).to_string(float_format="%.4f"))
    print(f"\nrecommended model (selected on CV, not on test): {chosen}")
    table.to_csv(out / "table2_benchmark.csv")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/faults.csv")
    ap.add_argument("--out", default="outputs")
    ap.add_argument("--seed", type=int, default=31)
    main(ap.parse_args())
