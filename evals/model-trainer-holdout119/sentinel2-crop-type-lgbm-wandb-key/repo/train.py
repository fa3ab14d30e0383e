import sys

import lightgbm as lgb
import numpy as np
import wandb
import yaml
from sklearn.metrics import classification_report, cohen_kappa_score, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import LabelEncoder

from features import feature_columns, load_parcels


def split_by_tile(df, cfg, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(df, groups=df[cfg["data"]["group_col"]]))
    return df.iloc[a], df.iloc[b]


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    seed = cfg["seed"]
    np.random.seed(seed)

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["run_name"], config=cfg)

    df = load_parcels(cfg)
    feats = feature_columns(df, cfg)
    le = LabelEncoder().fit(df[cfg["data"]["label_col"]])

    trval, test = split_by_tile(df, cfg, cfg["split"]["test_size"], seed)
    train, val = split_by_tile(trval, cfg, cfg["split"]["val_size"], seed + 1)
    y_tr, y_va, y_te = (le.transform(d[cfg["data"]["label_col"]]) for d in (train, val, test))

    p = dict(cfg["lgbm"])
    es = p.pop("early_stopping_rounds")
    clf = lgb.LGBMClassifier(objective="multiclass", class_weight="balanced", random_state=seed, **p)
    clf.fit(train[feats], y_tr, eval_set=[(val[feats], y_va)],
            callbacks=[lgb.early_stopping(es), lgb.log_evaluation(200)])

    pred = clf.predict(test[feats])
    metrics = {
        "test_macro_f1": f1_score(y_te, pred, average="macro"),
        "test_kappa": cohen_kappa_score(y_te, pred),
        "best_iteration": clf.best_iteration_,
    }
    print(classification_report(y_te, pred, target_names=[str(c) for c in le.classes_], digits=3))
    wandb.log(metrics)
    clf.booster_.save_model(f"{cfg['run_name']}.txt")
    run.finish()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.yaml")
