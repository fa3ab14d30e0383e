import numpy as np
from torch.utils.data import Subset
from torchvision import datasets, transforms as T

MEAN, STD = (0.4914, 0.4822, 0.4465), (0.2471, 0.2435, 0.2616)

weak = T.Compose([T.RandomHorizontalFlip(), T.RandomCrop(32, padding=4, padding_mode="reflect"),
                  T.ToTensor(), T.Normalize(MEAN, STD)])
strong = T.Compose([T.RandomHorizontalFlip(), T.RandomCrop(32, padding=4, padding_mode="reflect"),
                    T.RandAugment(num_ops=2, magnitude=10), T.ToTensor(), T.Normalize(MEAN, STD),
                    T.RandomErasing(p=1.0, scale=(0.02, 0.15))])
plain = T.Compose([T.ToTensor(), T.Normalize(MEAN, STD)])


class WeakStrong:
    def __call__(self, img):
        return weak(img), strong(img)


def build_datasets(root, n_labeled, n_val, seed):
    rng = np.random.default_rng(seed)
    base = datasets.CIFAR10(root, train=True, download=True)
    targets = np.array(base.targets)
    perm = rng.permutation(len(targets))
    val_idx = perm[:n_val]
    rest = perm[n_val:]
    # class-balanced labeled subset from the non-validation part
    per_class = n_labeled // 10
    lab_idx = np.concatenate([rest[targets[rest] == c][:per_class] for c in range(10)])
    unl_idx = np.setdiff1d(rest, lab_idx)

    labeled = Subset(datasets.CIFAR10(root, train=True, transform=weak), lab_idx)
    unlabeled = Subset(datasets.CIFAR10(root, train=True, transform=WeakStrong()), unl_idx)
    val = Subset(datasets.CIFAR10(root, train=True, transform=plain), val_idx)
    test = datasets.CIFAR10(root, train=False, download=True, transform=plain)
    return labeled, unlabeled, val, test
