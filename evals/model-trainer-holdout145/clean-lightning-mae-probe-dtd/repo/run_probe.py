import argparse

import lightning.pytorch as pl
import torchvision.transforms as T
from lightning.pytorch.callbacks import ModelCheckpoint
from omegaconf import OmegaConf
from torch.utils.data import DataLoader
from torchvision.datasets import DTD

from mae_probe import MAELinearProbe

NORM = T.Normalize((0.485, 0.456, 0.406), (0.229, 0.224, 0.225))


def loaders(dcfg):
    train_tf = T.Compose([T.RandomResizedCrop(224, interpolation=T.InterpolationMode.BICUBIC),
                          T.RandomHorizontalFlip(), T.ToTensor(), NORM])
    eval_tf = T.Compose([T.Resize(256, interpolation=T.InterpolationMode.BICUBIC), T.CenterCrop(224),
                         T.ToTensor(), NORM])
    mk = lambda split, tf: DTD(dcfg.root, split=split, partition=dcfg.partition, transform=tf, download=True)
    return (
        DataLoader(mk("train", train_tf), batch_size=dcfg.batch_size, shuffle=True,
                   num_workers=dcfg.num_workers, drop_last=True, persistent_workers=True),
        DataLoader(mk("val", eval_tf), batch_size=dcfg.batch_size, num_workers=dcfg.num_workers),
        DataLoader(mk("test", eval_tf), batch_size=dcfg.batch_size, num_workers=dcfg.num_workers),
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/probe_dtd.yaml")
    ap.add_argument("overrides", nargs="*")
    args = ap.parse_args()
    cfg = OmegaConf.merge(OmegaConf.load(args.config), OmegaConf.from_dotlist(args.overrides))

    pl.seed_everything(cfg.seed, workers=True)
    train_dl, val_dl, test_dl = loaders(cfg.data)

    model = MAELinearProbe(cfg.backbone, num_classes=47, batch_size=cfg.data.batch_size, **cfg.optim)
    best = ModelCheckpoint(monitor="val/acc", mode="max", save_top_k=1)
    trainer = pl.Trainer(max_epochs=cfg.optim.epochs, callbacks=[best], **cfg.trainer)
    trainer.fit(model, train_dl, val_dl)
    trainer.test(model, test_dl, ckpt_path=best.best_model_path)


if __name__ == "__main__":
    main()
