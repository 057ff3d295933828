def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] [final] src/report/final/01-results.tex.ftl:2:12: 'results.cifar.top1' is missing: results.cifar has no 'top1'; it has: top1_acc, top5_acc, seeds")
assert log.contains('    2 | We reach ${results.cifar.top1} top-1 accuracy.')
assert !log.contains('\tat '): 'no stack trace'
return true
