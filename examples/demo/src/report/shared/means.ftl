<#--
  mean(runs, method, metric): the plain mean of one metric over the seeds of one method, as a number, for the
  differences quoted in the text ("RandAugment adds 7.0 pp"). Print it with <@num/>; for a mean with its
  spread use <@stat/>, which also knows each metric's declared precision.
  Import it with  <#import "/shared/means.ftl" as m>  and call  m.mean(results.main, "ViT-6/4, basic", "top1").
-->
<#function mean data method metric>
  <#local values = data.runs?filter(r -> r.method == method)?map(r -> r[metric])>
  <#local sum = 0>
  <#list values as v><#local sum = sum + v></#list>
  <#return sum / values?size>
</#function>
