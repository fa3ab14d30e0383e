"""Optuna search for a housing-price MLP (target: log1p median value)."""
import json
from pathlib import Path

import numpy as np
import optuna
import torch
import torch.nn.functional as F
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from housing_nn.data import load_splits, loader
from housing_nn.model import make_mlp
from housing_nn.utils import EarlyStopper, seed_everything

CFG = json.loads(Path("config.json").read_text())
DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def run_epoch(model, dl, optimizer=None):
    training = optimizer is not None
    model.train(training)
    total, n = 0.0, 0
    with torch.set_grad_enabled(training):
        for xb, yb in dl:
            xb, yb = xb.to(DEVICE), yb.to(DEVICE)
            pred = model(xb).squeeze(-1)
            loss = F.mse_loss(pred, yb)
            if training:
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()
            total += loss.item() * len(xb)
            n += len(xb)
    return total / n


@torch.no_grad()
def predict(model, X):
    model.eval()
    return model(torch.from_numpy(np.asarray(X, dtype=np.float32)).to(DEVICE)).squeeze(-1).cpu().numpy()


def fit(params, splits, ckpt_path=None, trial=None):
    seed_everything(CFG["seed"])
    model = make_mlp(splits["train"][0].shape[1], params["hidden"], params["depth"], params["dropout"]).to(DEVICE)
    opt = torch.optim.AdamW(model.parameters(), lr=params["lr"], weight_decay=params["weight_decay"])
    train_dl = loader(*splits["train"], params["batch_size"], shuffle=True, seed=CFG["seed"])
    valid_dl = loader(*splits["valid"], 2048, shuffle=False)
    stopper = EarlyStopper(CFG["patience"])
    best_state = None
    for epoch in range(CFG["max_epochs"]):
        run_epoch(model, train_dl, opt)
        val_mse = run_epoch(model, valid_dl)
        if stopper.step(val_mse):
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            if ckpt_path is not None:
                torch.save({"epoch": epoch, "state_dict": best_state, "params": params}, ckpt_path)
        if trial is not None:
            trial.report(val_mse, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()
        if stopper.should_stop:
            break
    model.load_state_dict(best_state)
    return model, stopper.best


def main():
    seed_everything(CFG["seed"])
    splits, _ = load_splits(CFG["valid_size"], CFG["test_size"], CFG["seed"])

    def objective(trial):
        params = {
            "hidden": trial.suggest_categorical("hidden", [64, 128, 256]),
            "depth": trial.suggest_int("depth", 1, 4),
            "dropout": trial.suggest_float("dropout", 0.0, 0.3),
            "lr": trial.suggest_float("lr", 1e-4, 1e-2, log=True),
            "weight_decay": trial.suggest_float("weight_decay", 1e-6, 1e-2, log=True),
            "batch_size": trial.suggest_categorical("batch_size", [128, 256, 512]),
        }
        return fit(params, splits, trial=trial)[1]

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=CFG["seed"]),
                                pruner=optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=10))
    study.optimize(objective, n_trials=CFG["n_trials"])

    ckpt_dir = Path(CFG["checkpoint_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    model, best_val = fit(study.best_params, splits, ckpt_path=ckpt_dir / "best.pt")

    X_train, y_train = splits["train"]
    X_test, y_test = splits["test"]
    preds = {
        "mlp": predict(model, X_test),
        "ridge": RidgeCV(alphas=np.logspace(-3, 3, 13)).fit(X_train, y_train).predict(X_test),
        "mean": DummyRegressor().fit(X_train, y_train).predict(X_test),
    }
    for name, p in preds.items():
        rmse = mean_squared_error(y_test, p) ** 0.5
        print(f"{name:>6}: RMSE {rmse:.4f}  MAE {mean_absolute_error(y_test, p):.4f}  R2 {r2_score(y_test, p):.4f}")
    print(f"best valid MSE {best_val:.4f}; params {study.best_params}")


if __name__ == "__main__":
    main()
