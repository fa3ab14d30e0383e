"""Train the job-feed LambdaRank model, report held-out NDCG, then fit the release model."""
import json
import sys
from pathlib import Path

import lightgbm as lgb

from jobrank.data import FEATURES, lgb_groups, load, per_session_ndcg, split_sessions


def dataset(df, reference=None):
    return lgb.Dataset(df[FEATURES], df["grade"], group=lgb_groups(df), reference=reference)


def main(cfg):
    seed = cfg["seed"]
    params = dict(cfg["params"], seed=seed, label_gain=cfg["label_gain"], verbose=-1,
                  metric="ndcg", eval_at=cfg["eval_at"])
    df = load(cfg["data_path"])
    rest, test = split_sessions(df, cfg["test_fraction"], seed)
    train, valid = split_sessions(rest, cfg["valid_fraction"], seed + 1)
    print({name: part["member_id"].nunique() for name, part in [("train", train), ("valid", valid), ("test", test)]})

    dtrain = dataset(train)
    dvalid = dataset(valid, reference=dtrain)
    booster = lgb.train(params, dtrain, num_boost_round=cfg["max_rounds"], valid_sets=[dvalid],
                        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(100)])
    best_rounds = booster.best_iteration

    scores = booster.predict(test[FEATURES], num_iteration=best_rounds)
    heuristics = {
        "recency": -test["job_age_hours_log"].to_numpy(),
        "skills_overlap": test["skills_overlap"].to_numpy(),
    }
    report = {"best_rounds": best_rounds}
    for k in cfg["eval_at"]:
        report[f"model_ndcg@{k}"] = per_session_ndcg(test, scores, k, cfg["label_gain"])
        for name, s in heuristics.items():
            report[f"{name}_ndcg@{k}"] = per_session_ndcg(test, s, k, cfg["label_gain"])
    print(json.dumps(report, indent=2))

    out = Path(cfg["model_dir"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "heldout_report.json").write_text(json.dumps(report, indent=2))

    # release model: same settings and number of rounds, trained on every session we have
    full = df.sort_values(["session_id", "slot"]).reset_index(drop=True)
    release = lgb.train(params, dataset(full), num_boost_round=best_rounds)
    release.save_model(str(out / "lambdarank_release.txt"))


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "config.json") as fh:
        main(json.load(fh))
