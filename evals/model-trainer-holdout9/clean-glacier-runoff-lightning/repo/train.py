import lightning as L
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from torch.utils.data import DataLoader

from runoff.data import build_datasets
from runoff.model import RunoffLSTM


def main(path="config.yaml"):
    cfg = yaml.safe_load(open(path))
    L.seed_everything(cfg["seed"], workers=True)
    sets, target_scale = build_datasets(cfg)
    bs = cfg["batch_size"]
    train_dl = DataLoader(sets["train"], batch_size=bs, shuffle=True)  # shuffles windows of the training years only
    val_dl = DataLoader(sets["val"], batch_size=bs)
    test_dl = DataLoader(sets["test"], batch_size=bs)

    model = RunoffLSTM(n_inputs=len(cfg["data"]["inputs"]), target_scale=target_scale, **cfg["model"])
    ckpt = ModelCheckpoint(monitor="val_loss", mode="min", save_top_k=1)
    trainer = L.Trainer(
        max_epochs=cfg["trainer"]["max_epochs"],
        callbacks=[ckpt, EarlyStopping(monitor="val_loss", patience=cfg["trainer"]["patience"])],
        gradient_clip_val=1.0,
        deterministic=True,
    )
    trainer.fit(model, train_dataloaders=train_dl, val_dataloaders=val_dl)
    trainer.test(model, dataloaders=test_dl, ckpt_path="best")


if __name__ == "__main__":
    main()
