\section{Method}
<#-- 12 paragraphs of filler, each about five lines long. -->
<#list 1..12 as i>
Paragraph ${i}. We train the model with stochastic gradient descent and report accuracy on the held-out split. We train the model with stochastic gradient descent and report accuracy on the held-out split. We train the model with stochastic gradient descent and report accuracy on the held-out split. We train the model with stochastic gradient descent and report accuracy on the held-out split. 

</#list>
