import pandas as pd
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def build_transforms(img_size, train):
    if train:
        return transforms.Compose([
            transforms.RandomResizedCrop(img_size, scale=(0.6, 1.0)),
            transforms.RandomHorizontalFlip(),
            transforms.ColorJitter(brightness=0.3, contrast=0.3),
            transforms.ToTensor(),
            transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
        ])
    return transforms.Compose([
        transforms.Resize(int(img_size * 1.14)),
        transforms.CenterCrop(img_size),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])


class CameraTrapCrops(Dataset):
    """MegaDetector animal crops, one row per detection.

    The split CSVs are made per camera site (see notebooks/make_splits.ipynb),
    so no site appears in more than one split.
    """

    def __init__(self, csv_path, image_root, label_map, transform):
        df = pd.read_csv(csv_path)
        self.df = df[df["species"].isin(label_map)].reset_index(drop=True)
        self.image_root = image_root
        self.label_map = label_map
        self.transform = transform

    def __len__(self):
        return len(self.df)

    def __getitem__(self, idx):
        row = self.df.iloc[idx]
        img = Image.open(f"{self.image_root}/{row['crop_path']}").convert("RGB")
        return self.transform(img), self.label_map[row["species"]]
