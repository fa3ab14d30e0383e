import numpy as np
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

TFM = transforms.Compose([
    transforms.Grayscale(num_output_channels=1),
    transforms.Resize((64, 64)),
    transforms.ToTensor(),
    transforms.Normalize((0.5,), (0.5,)),
])


def make_loaders(root, batch_size, seed, num_workers=4):
    ds = datasets.ImageFolder(root, transform=TFM)
    targets = np.array(ds.targets)
    idx = np.arange(len(ds))
    tr_idx, te_idx = train_test_split(idx, test_size=0.15, stratify=targets, random_state=seed)
    tr_idx, va_idx = train_test_split(tr_idx, test_size=0.15, stratify=targets[tr_idx],
                                      random_state=seed)
    loaders = {
        "train": DataLoader(Subset(ds, tr_idx), batch_size=batch_size, shuffle=True,
                            num_workers=num_workers),
        "val": DataLoader(Subset(ds, va_idx), batch_size=batch_size, num_workers=num_workers),
        "test": DataLoader(Subset(ds, te_idx), batch_size=batch_size, num_workers=num_workers),
    }
    return loaders, ds.classes
