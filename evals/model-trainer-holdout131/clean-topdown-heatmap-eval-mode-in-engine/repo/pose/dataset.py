import json

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset
import torchvision.transforms.functional as TF

# MPII joint order
FLIP_INDEX = [5, 4, 3, 2, 1, 0, 6, 7, 8, 9, 15, 14, 13, 12, 11, 10]


class TopDownMPIIStyle(Dataset):
    def __init__(self, ann_file, img_root, input_size=(256, 256), stride=4, sigma=2.0, train=False):
        self.items = json.load(open(ann_file))
        self.img_root, self.size, self.stride, self.sigma, self.train = img_root, input_size, stride, sigma, train

    def __len__(self):
        return len(self.items)

    def _heatmaps(self, joints, vis):
        h, w = self.size[1] // self.stride, self.size[0] // self.stride
        ys, xs = np.mgrid[0:h, 0:w]
        mu = joints / self.stride
        hm = np.exp(-((xs[None] - mu[:, 0, None, None]) ** 2 + (ys[None] - mu[:, 1, None, None]) ** 2) / (2 * self.sigma ** 2))
        return (hm * vis[:, None, None]).astype(np.float32)

    def __getitem__(self, i):
        it = self.items[i]
        cx, cy, s = it["center"][0], it["center"][1], it["scale"] * 200 * 1.25
        img = Image.open(f"{self.img_root}/{it['image']}").convert("RGB")
        img = img.crop((int(cx - s / 2), int(cy - s / 2), int(cx + s / 2), int(cy + s / 2)))
        img = img.resize(self.size)
        k = self.size[0] / s
        joints = (np.array(it["joints"], np.float32) - [cx - s / 2, cy - s / 2]) * k
        vis = np.array(it["joints_vis"], np.float32)
        if self.train and np.random.rand() < 0.5:
            img = TF.hflip(img)
            joints[:, 0] = self.size[0] - 1 - joints[:, 0]
            joints, vis = joints[FLIP_INDEX], vis[FLIP_INDEX]
        x = TF.normalize(TF.to_tensor(img), [0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
        meta = {"joints": torch.from_numpy(joints), "head_size": torch.tensor(it["head_size"] * k),
                "stride": torch.tensor(float(self.stride)), "flip_index": torch.tensor(FLIP_INDEX)}
        return x, torch.from_numpy(self._heatmaps(joints, vis)), torch.from_numpy(vis)[:, None], meta
