\section{Body}
<#-- 120 paragraphs of filler, each about five lines long. -->
<#list 1..120 as i>
Paragraph ${i}. We train the model with stochastic gradient descent and report accuracy on the held-out split. We train the model with stochastic gradient descent and report accuracy on the held-out split. We train the model with stochastic gradient descent and report accuracy on the held-out split. We train the model with stochastic gradient descent and report accuracy on the held-out split. 

</#list>
