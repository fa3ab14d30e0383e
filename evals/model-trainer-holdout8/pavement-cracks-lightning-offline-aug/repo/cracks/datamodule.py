from pathlib import Path

import lightning as L
from PIL import Image
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

from cracks.augment import expand_with_augmentations

_TO_TENSOR = T.Compose([
    T.Resize((224, 224)),
    T.ToTensor(),
    T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
])


class PatchSet(Dataset):
    def __init__(self, records):
        self.records = records

    def __len__(self):
        return len(self.records)

    def __getitem__(self, i):
        path, label = self.records[i]
        return _TO_TENSOR(Image.open(path).convert("RGB")), label


def scan(root):
    recs = []
    for label, sub in enumerate(["intact", "cracked"]):
        recs += [(str(p), label) for p in sorted(Path(root, sub).glob("*.jpg"))]
    return recs


class CrackData(L.LightningDataModule):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg

    def setup(self, stage=None):
        c = self.cfg
        pool = scan(c["data_root"])
        pool = expand_with_augmentations(pool, c["aug_copies"], c["cache_dir"])
        labels = [y for _, y in pool]
        rest, self.test_recs = train_test_split(pool, test_size=c["test_frac"], stratify=labels, random_state=c["seed"])
        rest_labels = [y for _, y in rest]
        self.train_recs, self.val_recs = train_test_split(
            rest, test_size=c["val_frac"] / (1 - c["test_frac"]), stratify=rest_labels, random_state=c["seed"]
        )

    def _loader(self, recs, shuffle):
        return DataLoader(PatchSet(recs), batch_size=self.cfg["batch_size"], shuffle=shuffle,
                          num_workers=self.cfg["num_workers"], pin_memory=True)

    def train_dataloader(self):
        return self._loader(self.train_recs, True)

    def val_dataloader(self):
        return self._loader(self.val_recs, False)

    def test_dataloader(self):
        return self._loader(self.test_recs, False)
