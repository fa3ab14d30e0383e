import argparse

import lightning.pytorch as pl
import torchvision.transforms as T
import yaml
from lightning.pytorch.callbacks import LearningRateMonitor, ModelCheckpoint
from torch.utils.data import DataLoader
from torchvision.datasets import Flowers102

from probe_module import LinearProbe

IMNET_MEAN, IMNET_STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


class FlowersDataModule(pl.LightningDataModule):
    def __init__(self, root, batch_size, num_workers):
        super().__init__()
        self.root, self.bs, self.nw = root, batch_size, num_workers
        self.train_tf = T.Compose([T.RandomResizedCrop(224), T.RandomHorizontalFlip(), T.ToTensor(),
                                   T.Normalize(IMNET_MEAN, IMNET_STD)])
        self.eval_tf = T.Compose([T.Resize(256, interpolation=T.InterpolationMode.BICUBIC), T.CenterCrop(224),
                                  T.ToTensor(), T.Normalize(IMNET_MEAN, IMNET_STD)])

    def prepare_data(self):
        for split in ("train", "val", "test"):
            Flowers102(self.root, split=split, download=True)

    def setup(self, stage=None):
        self.train_ds = Flowers102(self.root, split="train", transform=self.train_tf)
        self.val_ds = Flowers102(self.root, split="val", transform=self.eval_tf)
        self.test_ds = Flowers102(self.root, split="test", transform=self.eval_tf)

    def train_dataloader(self):
        return DataLoader(self.train_ds, batch_size=self.bs, shuffle=True, num_workers=self.nw, drop_last=True)

    def val_dataloader(self):
        return DataLoader(self.val_ds, batch_size=256, num_workers=self.nw)

    def test_dataloader(self):
        return DataLoader(self.test_ds, batch_size=256, num_workers=self.nw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    dm = FlowersDataModule(**cfg["data"])
    model = LinearProbe(**cfg["model"], **cfg["optim"])

    ckpt = ModelCheckpoint(monitor="val_acc", mode="max", save_top_k=1, filename="probe-{epoch:02d}-{val_acc:.4f}")
    trainer = pl.Trainer(
        max_epochs=cfg["optim"]["epochs"],
        callbacks=[ckpt, LearningRateMonitor("epoch")],
        deterministic=True,
        log_every_n_steps=10,
        **cfg["trainer"],
    )
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm, ckpt_path="best")


if __name__ == "__main__":
    main()
