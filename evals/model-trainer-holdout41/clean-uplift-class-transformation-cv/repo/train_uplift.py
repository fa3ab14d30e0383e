"""Push-notification uplift model via the class-transformation trick.

For a 50/50 randomised campaign, Z = Y*T + (1-Y)*(1-T) satisfies
uplift(x) = 2 * P(Z=1 | x) - 1, so any probabilistic classifier on Z estimates uplift.
"""
import sys

import numpy as np
import pandas as pd
import tomli
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from uplift.metrics import profit_at, qini_auc, uplift_at


def make_pipeline(model, cfg):
    pre = ColumnTransformer([
        ("num", StandardScaler(), cfg["features"]["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), cfg["features"]["categorical"]),
    ])
    return Pipeline([("pre", pre), ("clf", model)])


def main(cfg):
    seed = cfg["random_state"]
    df = pd.read_csv(cfg["data_path"])
    feats = cfg["features"]["numeric"] + cfg["features"]["categorical"]
    df["z"] = (df["converted"] * df["treated"] + (1 - df["converted"]) * (1 - df["treated"])).astype(int)
    strata = df["treated"].astype(str) + df["converted"].astype(str)

    dev, test = train_test_split(df, test_size=cfg["test_size"], stratify=strata, random_state=seed)
    train, valid = train_test_split(dev, test_size=cfg["valid_size"], stratify=strata.loc[dev.index],
                                    random_state=seed)

    candidates = {
        "logreg": LogisticRegression(C=0.3, max_iter=3000),
        "hgb": HistGradientBoostingClassifier(max_iter=250, learning_rate=0.05, max_leaf_nodes=15,
                                              l2_regularization=2.0, random_state=seed),
    }
    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)
    cv_scores = {name: cross_val_score(make_pipeline(m, cfg), train[feats], train["z"], cv=cv,
                                       scoring="roc_auc").mean() for name, m in candidates.items()}
    best_name = max(cv_scores, key=cv_scores.get)
    print("CV AUC on Z:", cv_scores, "->", best_name)

    model = make_pipeline(candidates[best_name], cfg).fit(train[feats], train["z"])
    response = make_pipeline(LogisticRegression(C=0.3, max_iter=3000), cfg)
    treated_train = train[train["treated"] == 1]
    response.fit(treated_train[feats], treated_train["converted"])

    def uplift_score(frame):
        return 2 * model.predict_proba(frame[feats])[:, 1] - 1

    fracs = np.arange(0.05, 1.0001, 0.05)
    val_profit = [profit_at(valid["converted"], valid["treated"], uplift_score(valid), f,
                            cfg["margin_per_conversion"], cfg["cost_per_contact"]) for f in fracs]
    target_frac = float(fracs[int(np.argmax(val_profit))])

    y, t = test["converted"].to_numpy(), test["treated"].to_numpy()
    rng = np.random.default_rng(seed)
    scores = {"uplift_model": uplift_score(test),
              "response_model": response.predict_proba(test[feats])[:, 1],
              "random": rng.random(len(test))}
    for name, s in scores.items():
        print(f"{name:15s} qini={qini_auc(y, t, s):8.2f}  uplift@{target_frac:.0%}={uplift_at(y, t, s, target_frac):.4f}  "
              f"profit@{target_frac:.0%}={profit_at(y, t, s, target_frac, cfg['margin_per_conversion'], cfg['cost_per_contact']):.0f}")


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "settings.toml", "rb") as fh:
        main(tomli.load(fh))
