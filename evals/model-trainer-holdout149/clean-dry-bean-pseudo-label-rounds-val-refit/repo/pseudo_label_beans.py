"""Iterative pseudo-labelling for the bean sorting line.

Graders labeled a few hundred beans per variety; the camera line produced
~60k unlabeled shape measurements. Number of pseudo-label rounds is picked on
a validation split, then the whole procedure is rerun on train+val.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

FEATURES = ["Area", "Perimeter", "MajorAxisLength", "MinorAxisLength", "AspectRation",
            "Eccentricity", "ConvexArea", "EquivDiameter", "Extent", "Solidity", "roundness",
            "Compactness", "ShapeFactor1", "ShapeFactor2", "ShapeFactor3", "ShapeFactor4"]


class PseudoLabeler:
    def __init__(self, threshold=0.95, max_per_class=2000, seed=0):
        self.threshold = threshold
        self.max_per_class = max_per_class
        self.seed = seed

    def _model(self):
        return HistGradientBoostingClassifier(max_iter=400, learning_rate=0.05, max_leaf_nodes=31,
                                              l2_regularization=1.0, random_state=self.seed)

    def run(self, X_lab, y_lab, X_unl, n_rounds):
        X_cur, y_cur = X_lab, y_lab
        remaining = np.arange(len(X_unl))
        model = self._model().fit(X_cur, y_cur)
        for _ in range(n_rounds):
            if len(remaining) == 0:
                break
            proba = model.predict_proba(X_unl[remaining])
            conf, pred = proba.max(1), model.classes_[proba.argmax(1)]
            take = []
            for c in model.classes_:
                cand = np.flatnonzero((pred == c) & (conf >= self.threshold))
                take.extend(cand[np.argsort(-conf[cand])][: self.max_per_class])
            if not take:
                break
            take = np.array(take)
            X_cur = np.vstack([X_cur, X_unl[remaining[take]]])
            y_cur = np.concatenate([y_cur, pred[take]])
            remaining = np.delete(remaining, take)
            model = self._model().fit(X_cur, y_cur)
        self.n_pseudo_ = len(y_cur) - len(y_lab)
        return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labeled", default="data/dry_beans_graded.csv")
    ap.add_argument("--unlabeled", default="data/dry_beans_line_camera.csv")
    ap.add_argument("--max-rounds", type=int, default=8)
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()

    lab = pd.read_csv(args.labeled)
    X_unl = pd.read_csv(args.unlabeled)[FEATURES].to_numpy()
    X, y = lab[FEATURES].to_numpy(), lab["Class"].to_numpy()

    X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.2, stratify=y,
                                                        random_state=args.seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_trval, y_trval, test_size=0.2, stratify=y_trval,
                                                random_state=args.seed)

    pl = PseudoLabeler(seed=args.seed)
    val_scores = {}
    for r in range(args.max_rounds + 1):
        m = pl.run(X_tr, y_tr, X_unl, n_rounds=r)
        val_scores[r] = f1_score(y_val, m.predict(X_val), average="macro")
        print(f"rounds={r}  pseudo={pl.n_pseudo_:6d}  val macro-F1={val_scores[r]:.4f}")
    best_r = max(val_scores, key=val_scores.get)
    print("best number of rounds on validation:", best_r)

    final = pl.run(X_trval, y_trval, X_unl, n_rounds=best_r)
    pred = final.predict(X_test)
    print(classification_report(y_test, pred, digits=3))
    print(f"test macro-F1 {f1_score(y_test, pred, average='macro'):.4f} "
          f"({pl.n_pseudo_} pseudo-labeled beans, {best_r} rounds)")


if __name__ == "__main__":
    main()
