"""Train / evaluate the page-layout detector (text, title, list, table, figure, footnote)."""
import argparse
import json
import os

from detectron2 import model_zoo
from detectron2.checkpoint import DetectionCheckpointer
from detectron2.config import get_cfg
from detectron2.data import build_detection_test_loader
from detectron2.data.datasets import register_coco_instances
from detectron2.engine import DefaultTrainer, default_argument_parser, default_setup, hooks, launch
from detectron2.evaluation import COCOEvaluator, inference_on_dataset

LAYOUT_ROOT = os.environ.get("LAYOUT_ROOT", "data/layout")
LAYOUT_SPLITS = ("train", "val", "test")


def register():
    for split in LAYOUT_SPLITS:
        register_coco_instances(f"layout_{split}", {},
                                os.path.join(LAYOUT_ROOT, "annotations", f"{split}.json"),
                                os.path.join(LAYOUT_ROOT, "pages"))


class LayoutTrainer(DefaultTrainer):
    @classmethod
    def build_evaluator(cls, cfg, dataset_name, output_folder=None):
        return COCOEvaluator(dataset_name, tasks=("bbox",), distributed=True,
                             output_dir=output_folder or os.path.join(cfg.OUTPUT_DIR, "eval", dataset_name))

    def build_hooks(self):
        hks = super().build_hooks()
        hks.append(hooks.BestCheckpointer(self.cfg.TEST.EVAL_PERIOD, self.checkpointer, "bbox/AP", mode="max",
                                          file_prefix="model_best"))
        return hks


def setup(args):
    cfg = get_cfg()
    cfg.merge_from_file(model_zoo.get_config_file("COCO-Detection/faster_rcnn_R_50_FPN_3x.yaml"))
    cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    default_setup(cfg, args)
    return cfg


def final_test(cfg, weights):
    """One-off evaluation of the selected checkpoint on the held-out test documents."""
    model = LayoutTrainer.build_model(cfg)
    DetectionCheckpointer(model).load(weights)
    loader = build_detection_test_loader(cfg, "layout_test")
    evaluator = COCOEvaluator("layout_test", tasks=("bbox",), distributed=True,
                              output_dir=os.path.join(cfg.OUTPUT_DIR, "eval", "layout_test"))
    return inference_on_dataset(model, loader, evaluator)


def main(args):
    register()
    cfg = setup(args)
    if not args.eval_only:
        trainer = LayoutTrainer(cfg)
        trainer.resume_or_load(resume=args.resume)
        trainer.train()
    best = os.path.join(cfg.OUTPUT_DIR, "model_best.pth")
    results = final_test(cfg, best)
    with open(os.path.join(cfg.OUTPUT_DIR, "test_metrics.json"), "w") as f:
        json.dump(results, f, indent=2)
    return results


if __name__ == "__main__":
    args = default_argument_parser().parse_args()
    launch(main, args.num_gpus, num_machines=args.num_machines, machine_rank=args.machine_rank,
           dist_url=args.dist_url, args=(args,))
