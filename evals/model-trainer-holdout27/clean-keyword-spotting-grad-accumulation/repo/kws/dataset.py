import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader
from torchaudio.datasets import SPEECHCOMMANDS


class Commands(SPEECHCOMMANDS):
    def __init__(self, root: str, subset: str):
        super().__init__(root, download=True, subset=subset)  # official speaker-disjoint lists


def make_collate(labels, sample_rate):
    index = {l: i for i, l in enumerate(labels)}

    def collate(batch):
        waves = [F.pad(w[0], (0, sample_rate - w.shape[-1])) if w.shape[-1] < sample_rate else w[0, :sample_rate]
                 for w, *_ in batch]
        targets = torch.tensor([index[item[2]] for item in batch])
        return torch.stack(waves).unsqueeze(1), targets

    return collate


def loaders(cfg, generator):
    train_ds, val_ds, test_ds = (Commands(cfg.root, s) for s in ("training", "validation", "testing"))
    labels = sorted({item[2] for item in train_ds})
    collate = make_collate(labels, cfg.sample_rate)
    common = dict(batch_size=cfg.batch_size, collate_fn=collate, num_workers=4)
    return (
        DataLoader(train_ds, shuffle=True, generator=generator, **common),
        DataLoader(val_ds, shuffle=False, **common),
        DataLoader(test_ds, shuffle=False, **common),
        labels,
    )
