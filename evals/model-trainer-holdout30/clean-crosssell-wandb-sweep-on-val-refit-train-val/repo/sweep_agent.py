"""W&B sweep agent: one trial = fit on train, early-stop and score on validation.

    wandb sweep configs/sweep.yaml && wandb agent <entity>/<project>/<sweep_id>
"""
import lightgbm as lgb
import wandb
import yaml
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from crosssell.data import TARGET, load_customers, make_splits
from crosssell.features import fit_levels, to_matrix


def run_trial() -> None:
    base = yaml.safe_load(open("configs/base.yaml"))
    run = wandb.init(project=base["wandb"]["project"], entity=base["wandb"]["entity"], job_type="sweep")
    params = dict(run.config)

    train, val, _ = make_splits(load_customers(base["data_path"]), seed=base["seed"])
    levels = fit_levels(train)
    dtrain = lgb.Dataset(to_matrix(train, levels), train[TARGET])
    dval = lgb.Dataset(to_matrix(val, levels), val[TARGET], reference=dtrain)

    booster = lgb.train(
        {**params, "objective": "binary", "metric": "average_precision", "seed": base["seed"], "verbose": -1},
        dtrain,
        num_boost_round=5000,
        valid_sets=[dval],
        callbacks=[lgb.early_stopping(100, verbose=False)],
    )
    p_val = booster.predict(to_matrix(val, levels), num_iteration=booster.best_iteration)
    run.log({
        "val/auprc": average_precision_score(val[TARGET], p_val),
        "val/auroc": roc_auc_score(val[TARGET], p_val),
        "val/log_loss": log_loss(val[TARGET], p_val),
        "best_iteration": booster.best_iteration,
    })
    run.finish()


if __name__ == "__main__":
    run_trial()
