import numpy as np
import torch
from pycocotools.coco import COCO
from skimage import io
from skimage.segmentation import find_boundaries
from torch.utils.data import Dataset


class LiveCellFB(Dataset):
    """Phase-contrast LIVECell images -> (foreground, boundary) two-channel targets."""

    def __init__(self, root, ann_json, tile=None, augment=False):
        self.root, self.tile, self.augment = root, tile, augment
        self.coco = COCO(f"{root}/{ann_json}")
        self.img_ids = sorted(self.coco.getImgIds())

    def __len__(self):
        return len(self.img_ids)

    def _masks(self, img_id, shape):
        inst = np.zeros(shape, np.int32)
        anns = self.coco.loadAnns(self.coco.getAnnIds(imgIds=img_id, iscrowd=False))
        for k, ann in enumerate(anns, start=1):
            inst[self.coco.annToMask(ann) > 0] = k
        return np.stack([inst > 0, find_boundaries(inst, mode="thick")]).astype(np.float32)

    def __getitem__(self, i):
        info = self.coco.loadImgs(self.img_ids[i])[0]
        img = io.imread(f"{self.root}/images/{info['file_name']}").astype(np.float32)
        img = (img - img.mean()) / (img.std() + 1e-6)
        tgt = self._masks(info["id"], img.shape)
        if self.tile:
            y0 = np.random.randint(0, img.shape[0] - self.tile + 1)
            x0 = np.random.randint(0, img.shape[1] - self.tile + 1)
            img = img[y0:y0 + self.tile, x0:x0 + self.tile]
            tgt = tgt[:, y0:y0 + self.tile, x0:x0 + self.tile]
        else:
            # 704x520 -> pad to a multiple of 32 for the encoder
            ph, pw = (-img.shape[0]) % 32, (-img.shape[1]) % 32
            img = np.pad(img, ((0, ph), (0, pw)), mode="reflect")
            tgt = np.pad(tgt, ((0, 0), (0, ph), (0, pw)), mode="constant")
        if self.augment and np.random.rand() < 0.5:
            img, tgt = img[:, ::-1], tgt[:, :, ::-1]
        x = torch.from_numpy(np.ascontiguousarray(np.repeat(img[None], 3, axis=0)))
        return x, torch.from_numpy(np.ascontiguousarray(tgt))
