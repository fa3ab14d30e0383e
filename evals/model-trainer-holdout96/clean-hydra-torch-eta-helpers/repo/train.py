from pathlib import Path

import hydra
import mlflow
import numpy as np
import pandas as pd
import torch
from omegaconf import DictConfig, OmegaConf
from sklearn.metrics import mean_absolute_error
from sklearn.preprocessing import OrdinalEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from eta.engine import ETAModel, predict, train_epoch
from eta.utils import EarlyStopping, save_checkpoint, seed_everything


def metrics(y, p) -> dict:
    err = np.abs(y - p)
    return {"mae": float(err.mean()), "rmse": float(np.sqrt(((y - p) ** 2).mean())), "p90_abs_err": float(np.quantile(err, 0.9))}


@hydra.main(config_path="conf", config_name="train", version_base="1.3")
def main(cfg: DictConfig) -> None:
    seed_everything(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    d = cfg.data
    frames = {k: pd.read_parquet(d[k]) for k in ("train", "val", "test")}

    scaler = StandardScaler().fit(frames["train"][list(d.numeric)])
    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(frames["train"][list(d.categorical)])

    def loader(df: pd.DataFrame, shuffle: bool) -> DataLoader:
        x_num = torch.tensor(scaler.transform(df[list(d.numeric)]), dtype=torch.float32)
        x_cat = torch.tensor(encoder.transform(df[list(d.categorical)]) + 1, dtype=torch.long)
        y = torch.tensor(df[d.target].to_numpy(), dtype=torch.float32)
        return DataLoader(TensorDataset(x_num, x_cat, y), batch_size=cfg.optim.batch_size, shuffle=shuffle, drop_last=shuffle)

    train_dl, val_dl, test_dl = loader(frames["train"], True), loader(frames["val"], False), loader(frames["test"], False)
    cards = [len(c) for c in encoder.categories_]
    model = ETAModel(len(d.numeric), cards, cfg.model.emb_dim, cfg.model.hidden, cfg.model.dropout).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.optim.lr, weight_decay=cfg.optim.weight_decay)
    loss_fn = torch.nn.HuberLoss(delta=5.0)
    stopper = EarlyStopping(cfg.optim.patience, min_delta=0.01)
    ckpt = Path(cfg.out_dir) / "best.pt"

    mlflow.set_experiment("delivery-eta")
    with mlflow.start_run():
        mlflow.log_params(OmegaConf.to_container(cfg.optim) | OmegaConf.to_container(cfg.model))
        for epoch in range(cfg.optim.max_epochs):
            train_loss = train_epoch(model, train_dl, optimizer, loss_fn, device)
            val_pred, val_y = predict(model, val_dl, device)
            val_mae = mean_absolute_error(val_y, val_pred)
            mlflow.log_metrics({"train_loss": train_loss, "val_mae": val_mae}, step=epoch)
            improved, stop = stopper.step(val_mae)
            if improved:
                save_checkpoint(model, ckpt, epoch=epoch, val_mae=val_mae)
            if stop:
                break

        model.load_state_dict(torch.load(ckpt, map_location=device)["state_dict"])
        test_pred, test_y = predict(model, test_dl, device)
        planned = frames["test"]["planned_minutes"].to_numpy()
        mlflow.log_metrics({f"test_{k}": v for k, v in metrics(test_y, test_pred).items()})
        mlflow.log_metrics({f"planned_baseline_{k}": v for k, v in metrics(test_y, planned).items()})
        mlflow.log_artifact(str(ckpt))


if __name__ == "__main__":
    main()
