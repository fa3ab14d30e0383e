import json

import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from xgboost import XGBClassifier

import features as F


def main():
    p = yaml.safe_load(open("params.yaml"))
    df = pd.read_parquet(p["input"])
    df["date"] = pd.to_datetime(df["date"])
    df = df.sort_values(["feeder_id", "date"]).reset_index(drop=True)

    df = F.add_calendar(df)
    df = F.add_weather_interactions(df)
    df = F.add_feeder_history(df, p["target"])
    cols = F.feature_columns()

    cutoff = pd.Timestamp(p["split_date"])
    train, test = df[df["date"] < cutoff], df[df["date"] >= cutoff]
    print(f"train {train['date'].min().date()}..{train['date'].max().date()} ({len(train)} rows)")
    print(f"test  {test['date'].min().date()}..{test['date'].max().date()} ({len(test)} rows)")

    model = XGBClassifier(**p["xgb"], random_state=p["seed"], eval_metric="aucpr", n_jobs=-1)
    model.fit(train[cols], train[p["target"]])

    proba = model.predict_proba(test[cols])[:, 1]
    res = {
        "roc_auc": round(roc_auc_score(test[p["target"]], proba), 4),
        "pr_auc": round(average_precision_score(test[p["target"]], proba), 4),
        "base_rate": round(test[p["target"]].mean(), 4),
    }
    # daily system-level check: predicted vs actual number of feeders out
    daily = test.assign(p=proba).groupby("date").agg(pred=("p", "sum"), actual=(p["target"], "sum"))
    res["daily_count_corr"] = round(daily["pred"].corr(daily["actual"]), 4)
    print(json.dumps(res, indent=2))

    model.save_model("models/feeder_outage_xgb.json")
    with open("models/metrics.json", "w") as fh:
        json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
