import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from features import add_tool_fail_rates, clean, feature_columns


def main():
    with open("params.yaml") as f:
        p = yaml.safe_load(f)

    df = pd.read_csv(p["data_path"])
    df = clean(df, p["numeric_cols"])
    df = add_tool_fail_rates(df, p["tool_cols"], p["target"], p["smoothing"])
    feats = feature_columns(p["numeric_cols"], p["tool_cols"])

    gss = GroupShuffleSplit(n_splits=1, test_size=p["test_size"], random_state=p["seed"])
    tr, te = next(gss.split(df, groups=df[p["lot_col"]]))
    train, test = df.iloc[tr], df.iloc[te]
    print(f"train {len(train)} wafers / test {len(test)} wafers, fail rate {train[p['target']].mean():.3%}")

    pos = train[p["target"]].sum()
    clf = lgb.LGBMClassifier(
        **p["lgbm"],
        scale_pos_weight=(len(train) - pos) / pos,
        random_state=p["seed"],
        verbose=-1,
    )
    clf.fit(train[feats], train[p["target"]])

    proba = clf.predict_proba(test[feats])[:, 1]
    print(f"test ROC-AUC {roc_auc_score(test[p['target']], proba):.4f}")
    print(f"test PR-AUC  {average_precision_score(test[p['target']], proba):.4f}")

    imp = pd.Series(clf.booster_.feature_importance("gain"), index=feats).sort_values(ascending=False)
    print(imp.head(10).round(1))


if __name__ == "__main__":
    main()
