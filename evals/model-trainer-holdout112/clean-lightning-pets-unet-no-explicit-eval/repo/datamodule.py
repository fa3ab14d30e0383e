import lightning as L
import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, random_split
from torchvision.datasets import OxfordIIITPet
from torchvision.transforms import v2 as T
from torchvision import tv_tensors


class PetSeg(Dataset):
    """Oxford-IIIT Pet trimaps -> binary pet mask (1 = pet, 2 = background, 3 = border counted as pet)."""

    def __init__(self, base, indices, transform):
        self.base, self.indices, self.transform = base, indices, transform

    def __len__(self):
        return len(self.indices)

    def __getitem__(self, i):
        img, trimap = self.base[self.indices[i]]
        mask = tv_tensors.Mask(torch.from_numpy((np.array(trimap) != 2).astype(np.uint8))[None])
        img, mask = self.transform(tv_tensors.Image(img), mask)
        return img, mask.float()


class PetDataModule(L.LightningDataModule):
    def __init__(self, root="data", size=256, batch_size=32, val_fraction=0.1, num_workers=4, seed=42):
        super().__init__()
        self.save_hyperparameters()
        norm = [T.ToDtype(torch.float32, scale=True), T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])]
        self.train_tf = T.Compose([T.RandomResizedCrop(size, scale=(0.6, 1.0), antialias=True),
                                   T.RandomHorizontalFlip(), T.ColorJitter(0.2, 0.2, 0.2), *norm])
        self.eval_tf = T.Compose([T.Resize((size, size), antialias=True), *norm])

    def prepare_data(self):
        OxfordIIITPet(self.hparams.root, split="trainval", target_types="segmentation", download=True)
        OxfordIIITPet(self.hparams.root, split="test", target_types="segmentation", download=True)

    def setup(self, stage=None):
        trainval = OxfordIIITPet(self.hparams.root, split="trainval", target_types="segmentation")
        n_val = int(len(trainval) * self.hparams.val_fraction)
        g = torch.Generator().manual_seed(self.hparams.seed)
        tr_idx, va_idx = random_split(range(len(trainval)), [len(trainval) - n_val, n_val], generator=g)
        self.train_set = PetSeg(trainval, list(tr_idx), self.train_tf)
        self.val_set = PetSeg(trainval, list(va_idx), self.eval_tf)
        test = OxfordIIITPet(self.hparams.root, split="test", target_types="segmentation")
        self.test_set = PetSeg(test, list(range(len(test))), self.eval_tf)

    def _loader(self, ds, shuffle):
        return DataLoader(ds, batch_size=self.hparams.batch_size, shuffle=shuffle,
                          num_workers=self.hparams.num_workers, pin_memory=True)

    def train_dataloader(self):
        return self._loader(self.train_set, True)

    def val_dataloader(self):
        return self._loader(self.val_set, False)

    def test_dataloader(self):
        return self._loader(self.test_set, False)
